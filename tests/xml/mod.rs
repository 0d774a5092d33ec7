//! A check of well-formed XML for the small files the project writes (the
//! SVG icon, the AppStream metainfo), without an XML library: an XML
//! declaration, comments, elements, quoted attributes, text and the
//! predefined or numeric character references.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

/// Checks `xml` and returns the root element's name.
pub fn check_well_formed(xml: &str) -> Result<String, String> {
    let mut rest = xml.trim_start();
    if let Some(after) = rest.strip_prefix("<?xml") {
        let end = after
            .find("?>")
            .ok_or("the XML declaration is not closed")?;
        check_attributes(&after[..end])?;
        rest = &after[end + 2..];
    }
    let mut open: Vec<&str> = Vec::new();
    let mut root = None;
    loop {
        let start = rest.find('<').unwrap_or(rest.len());
        let text = &rest[..start];
        if open.is_empty() && !text.trim().is_empty() {
            return Err(format!("text outside the root element: {text:?}"));
        }
        check_text(text)?;
        rest = &rest[start..];
        if rest.is_empty() {
            break;
        }
        if let Some(after) = rest.strip_prefix("<!--") {
            let end = after.find("-->").ok_or("a comment is not closed")?;
            rest = &after[end + 3..];
            continue;
        }
        let end = rest.find('>').ok_or("a tag is not closed")?;
        let tag = &rest[1..end];
        rest = &rest[end + 1..];
        if tag.contains('<') {
            return Err(format!("'<' inside tag {tag:?}"));
        }
        if let Some(name) = tag.strip_prefix('/') {
            match open.pop() {
                Some(top) if top == name.trim_end() => continue,
                top => return Err(format!("</{name}> closes {top:?}")),
            }
        }
        let self_closing = tag.ends_with('/');
        let tag = tag.strip_suffix('/').unwrap_or(tag);
        let (name, attributes) = tag.split_once(char::is_whitespace).unwrap_or((tag, ""));
        if !is_name(name) {
            return Err(format!("bad element name {name:?}"));
        }
        check_attributes(attributes)?;
        if open.is_empty() {
            if let Some(first) = &root {
                return Err(format!("a second root element <{name}> after <{first}>"));
            }
            root = Some(name.to_owned());
        }
        if !self_closing {
            open.push(name);
        }
    }
    match (open.last(), root) {
        (Some(name), _) => Err(format!("<{name}> is never closed")),
        (None, Some(root)) => Ok(root),
        (None, None) => Err("no element".to_owned()),
    }
}

fn is_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == ':')
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | ':' | '-' | '.'))
}

/// Text and attribute values: no '<', and every '&' starts a reference.
fn check_text(text: &str) -> Result<(), String> {
    if text.contains('<') {
        return Err(format!("'<' in text {text:?}"));
    }
    for (i, _) in text.match_indices('&') {
        let reference = text[i + 1..]
            .split_once(';')
            .map(|(name, _)| name)
            .ok_or_else(|| format!("'&' without ';' in {text:?}"))?;
        let known = matches!(reference, "amp" | "lt" | "gt" | "quot" | "apos")
            || reference
                .strip_prefix("#x")
                .is_some_and(|hex| !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit()))
            || reference
                .strip_prefix('#')
                .is_some_and(|dec| !dec.is_empty() && dec.chars().all(|c| c.is_ascii_digit()));
        if !known {
            return Err(format!("unknown reference &{reference}; in {text:?}"));
        }
    }
    Ok(())
}

fn check_attributes(mut attributes: &str) -> Result<(), String> {
    let mut seen = Vec::new();
    loop {
        attributes = attributes.trim_start();
        if attributes.is_empty() {
            return Ok(());
        }
        let (name, after) = attributes
            .split_once('=')
            .ok_or_else(|| format!("attribute without a value in {attributes:?}"))?;
        let name = name.trim();
        if !is_name(name) {
            return Err(format!("bad attribute name {name:?}"));
        }
        if seen.contains(&name) {
            return Err(format!("attribute {name} given twice"));
        }
        seen.push(name);
        let after = after.trim_start();
        let quote = after
            .chars()
            .next()
            .filter(|c| matches!(c, '"' | '\''))
            .ok_or_else(|| format!("value of {name} is not quoted"))?;
        let value = &after[1..];
        let close = value
            .find(quote)
            .ok_or_else(|| format!("value of {name} is not closed"))?;
        check_text(&value[..close])?;
        attributes = &value[close + 1..];
        if !attributes.is_empty() && !attributes.starts_with(char::is_whitespace) {
            return Err(format!("no space after the value of {name}"));
        }
    }
}

#[test]
fn the_well_formedness_check_finds_mistakes() {
    let ok = |xml: &str| check_well_formed(xml);
    assert_eq!(ok(r#"<a x="1"><b/></a>"#), Ok("a".to_owned()));
    assert_eq!(
        ok("<?xml version=\"1.0\"?>\n<!-- c --><a>x &amp; y &#233;</a>\n"),
        Ok("a".to_owned())
    );
    for bad in [
        "<a><b></a>",
        "<a x=1/>",
        r#"<a x="1" x="2"/>"#,
        r#"<a x="1"y="2"/>"#,
        "<a/><b/>",
        "<a>1 < 2</a>",
        "<a>fish & chips</a>",
        "<a>&nbsp;</a>",
        "<a>",
        "<a><!-- open </a>",
        "text<a/>",
        "<1a/>",
        "",
    ] {
        assert!(ok(bad).is_err(), "{bad:?} passed");
    }
}

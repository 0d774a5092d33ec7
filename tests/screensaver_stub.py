#!/usr/bin/python3
"""Stands in for the desktop's screen saver and for logind on a private bus.

    screensaver_stub.py RECORD_FILE [--session ADDRESS [--paths PATH,...]
                                    [--delay SECONDS]] [--system ADDRESS]

On the bus at --session, owns org.freedesktop.ScreenSaver at each PATH (by
default /org/freedesktop/ScreenSaver and /ScreenSaver); on the bus at
--system, org.freedesktop.login1 at /org/freedesktop/login1. The screen
saver answers Inhibit after --delay seconds (0 by default). Appends one
tab-separated line to RECORD_FILE for every call, flushed at once:

    Inhibit     PATH APP REASON COOKIE
    UnInhibit   PATH COOKIE
    LockInhibit WHAT WHO WHY MODE
    LockRelease WHAT WHO          (the caller closed its end of the lock)

and prints "ready" on stdout once it owns its names. Needs Debian's
python3-dbus and python3-gi.
"""

import argparse
import os
import sys

import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

SCREEN_SAVER = "org.freedesktop.ScreenSaver"
LOGIN1 = "org.freedesktop.login1"
LOGIN1_MANAGER = "org.freedesktop.login1.Manager"


class Record:
    def __init__(self, path):
        self.file = open(path, "a", encoding="utf-8")

    def write(self, *fields):
        self.file.write("\t".join(str(f) for f in fields) + "\n")
        self.file.flush()


class ScreenSaver(dbus.service.Object):
    # Cookies start well away from 0 so that a default value can't pass.
    next_cookie = 41

    def __init__(self, bus, path, record, delay):
        super().__init__(bus, path)
        self.path = path
        self.record = record
        self.delay_ms = int(delay * 1000)

    @dbus.service.method(
        SCREEN_SAVER,
        in_signature="ss",
        out_signature="u",
        async_callbacks=("reply", "error"),
    )
    def Inhibit(self, app, reason, reply, error):
        cookie = ScreenSaver.next_cookie
        ScreenSaver.next_cookie += 1
        self.record.write("Inhibit", self.path, app, reason, cookie)

        def answer():
            reply(dbus.UInt32(cookie))
            return False

        if self.delay_ms:
            GLib.timeout_add(self.delay_ms, answer)
        else:
            answer()

    @dbus.service.method(SCREEN_SAVER, in_signature="u", out_signature="")
    def UnInhibit(self, cookie):
        self.record.write("UnInhibit", self.path, int(cookie))


class Login1(dbus.service.Object):
    """logind's Inhibit: hands out one end of a pipe and holds the lock until
    the caller closes it."""

    def __init__(self, bus, record):
        super().__init__(bus, "/org/freedesktop/login1")
        self.record = record

    @dbus.service.method(LOGIN1_MANAGER, in_signature="ssss", out_signature="h")
    def Inhibit(self, what, who, why, mode):
        self.record.write("LockInhibit", what, who, why, mode)
        kept, given = os.pipe()

        def released(fd, _condition):
            self.record.write("LockRelease", what, who)
            os.close(fd)
            return False

        GLib.io_add_watch(kept, GLib.PRIORITY_DEFAULT, GLib.IO_HUP | GLib.IO_ERR, released)
        handed = dbus.types.UnixFd(given)  # dups it
        os.close(given)
        return handed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("record")
    parser.add_argument("--session")
    parser.add_argument("--paths", default="/org/freedesktop/ScreenSaver,/ScreenSaver")
    parser.add_argument("--delay", type=float, default=0)
    parser.add_argument("--system")
    args = parser.parse_args()

    DBusGMainLoop(set_as_default=True)
    record = Record(args.record)
    # Kept referenced: a dropped name or object leaves the bus.
    held = []
    if args.session:
        bus = dbus.bus.BusConnection(args.session)
        held.append(dbus.service.BusName(SCREEN_SAVER, bus, do_not_queue=True))
        held.extend(ScreenSaver(bus, path, record, args.delay) for path in args.paths.split(","))
    if args.system:
        bus = dbus.bus.BusConnection(args.system)
        held.append(dbus.service.BusName(LOGIN1, bus, do_not_queue=True))
        held.append(Login1(bus, record))
    print("ready", flush=True)
    GLib.MainLoop().run()


if __name__ == "__main__":
    sys.exit(main())

"""An aiosmtpd handler that keeps every message it accepts in a folder (tests of e-mail delivery).

    python -m aiosmtpd -n -l 127.0.0.1:2525 -c smtp_sink.FolderSink /path/to/folder

(with this folder on PYTHONPATH; infra/tools/smtp-server.js builds that command). For each
message, two files named by arrival order and time:

- ``<name>.eml``: the bytes as the client sent them after DATA (before any decoding);
- ``<name>.json``: the SMTP envelope (MAIL FROM, RCPT TO), the peer, and what Python's ``email``
  package decodes from the message: Message-ID, Subject, From, To, Date and the text body.

The ``.json`` file is renamed into place last, so a reader that lists ``*.json`` never sees half a
message. Nothing is relayed anywhere.
"""
import itertools
import json
import os
import re
import time
from email import message_from_bytes, policy
from email.header import decode_header, make_header


class FolderSink:
    def __init__(self, folder):
        self.folder = os.path.abspath(folder)
        os.makedirs(self.folder, exist_ok=True)
        self.counter = itertools.count(1)

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 1:
            parser.error("FolderSink takes one argument: the folder to write messages to")
        return cls(args[0])

    def _write(self, name, data):
        path = os.path.join(self.folder, name)
        tmp = path + ".tmp"
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, path)

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        message = message_from_bytes(raw, policy=policy.default)
        body = message.get_body(preferencelist=("plain",))
        # Headers decoded by RFC 2047 alone (email.header): the default policy's address parser puts
        # a space between adjacent encoded words of a display name, which RFC 2047 §6.2 forbids.
        legacy = message_from_bytes(raw)
        decoded = lambda value: str(make_header(decode_header(re.sub(r"\r?\n[ \t]+", " ", str(value)))))
        header = lambda name: decoded(legacy.get(name, ""))
        name = "%020d-%06d" % (time.time_ns(), next(self.counter))
        record = {
            "file": name + ".eml",
            "peer": list(session.peer) if isinstance(session.peer, tuple) else str(session.peer),
            "mailFrom": envelope.mail_from,
            "rcptTos": list(envelope.rcpt_tos),
            "messageId": str(message.get("Message-ID", "")),
            "subject": header("Subject"),
            "from": header("From"),
            "to": header("To"),
            "date": header("Date"),
            "headers": {k: decoded(v) for k, v in legacy.items()},
            "text": body.get_content().replace("\r\n", "\n") if body is not None else "",
        }
        self._write(name + ".eml", raw)
        self._write(name + ".json", json.dumps(record, ensure_ascii=False, indent=2).encode("utf-8"))
        return "250 Message accepted for delivery"

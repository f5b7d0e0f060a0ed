#!/usr/bin/env python3
"""A real SMTP server for the email connector's tests (Debian's python3-aiosmtpd).

Listens on 127.0.0.1 on an ephemeral port and writes the port to DIR/port once
it accepts connections. Each DATA it receives (accepted, or refused by a
scripted reply) is recorded as DIR/message-N.eml (the bytes as received,
dot-unstuffed) and DIR/message-N.envelope (lines "from: ...", "to: ...",
"auth: <user or ->", "tls: yes|no", "reply: <what it answered>").

Options:
  --user NAME --password SECRET  offer AUTH PLAIN/LOGIN and accept only this user
  --starttls                     offer STARTTLS with a self-signed certificate made
                                 with the openssl CLI (DIR/cert.pem), require it
                                 before MAIL and before AUTH
  --implicit-tls                 TLS from the first byte (smtps://), same certificate
  --reply COMMAND:REPLY          answer COMMAND (MAIL, RCPT or DATA) once with REPLY,
                                 e.g. "DATA:451 4.3.0 Try again later"; repeat the
                                 option to queue several; afterwards it answers normally
"""
import argparse
import asyncio
import logging
import os
import ssl
import subprocess
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


def make_certificate(directory):
    cert = os.path.join(directory, "cert.pem")
    key = os.path.join(directory, "key.pem")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


class Recorder:
    def __init__(self, directory, replies):
        self.directory = directory
        self.replies = replies  # command -> list of scripted replies, used in order
        self.count = 0

    def scripted(self, command):
        queue = self.replies.get(command)
        return queue.pop(0) if queue else None

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        reply = self.scripted("MAIL")
        if reply:
            return reply
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        reply = self.scripted("RCPT")
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        # Recorded even when refused, so a test can compare what each attempt sent.
        reply = self.scripted("DATA") or "250 2.0.0 Message accepted"
        self.count += 1
        base = os.path.join(self.directory, "message-%d" % self.count)
        with open(base + ".eml", "wb") as out:
            out.write(envelope.original_content)
        user = session.auth_data if session.authenticated else "-"
        with open(base + ".envelope.tmp", "w") as out:
            out.write("from: %s\n" % envelope.mail_from)
            for to in envelope.rcpt_tos:
                out.write("to: %s\n" % to)
            out.write("auth: %s\n" % user)
            tls = session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None
            out.write("tls: %s\n" % ("yes" if tls else "no"))
            out.write("reply: %s\n" % reply)
        os.rename(base + ".envelope.tmp", base + ".envelope")  # complete before the client hears the reply
        return reply


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("directory")
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--starttls", action="store_true")
    parser.add_argument("--implicit-tls", action="store_true")
    parser.add_argument("--reply", action="append", default=[])
    options = parser.parse_args()
    logging.disable(logging.WARNING)  # aiosmtpd's deprecation notices are noise here

    replies = {}
    for item in options.reply:
        command, reply = item.split(":", 1)
        replies.setdefault(command.upper(), []).append(reply)

    def authenticate(server, session, envelope, mechanism, data):
        ok = (isinstance(data, LoginPassword) and data.login.decode() == options.user
              and data.password.decode() == options.password)
        return AuthResult(success=ok, handled=False, auth_data=options.user if ok else None)

    tls = make_certificate(options.directory) if options.starttls or options.implicit_tls else None
    handler = Recorder(options.directory, replies)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)

    def session():
        return SMTP(handler, hostname="smtp.test", tls_context=tls if options.starttls else None,
                    require_starttls=options.starttls, authenticator=authenticate if options.user else None,
                    auth_require_tls=options.starttls,  # aiosmtpd counts only STARTTLS as TLS here
                    auth_exclude_mechanism=["CRAM-MD5"], loop=loop)

    server = loop.run_until_complete(loop.create_server(session, host="127.0.0.1", port=0,
                                                        ssl=tls if options.implicit_tls else None))
    port = server.sockets[0].getsockname()[1]
    with open(os.path.join(options.directory, "port.tmp"), "w") as out:
        out.write(str(port))
    os.rename(os.path.join(options.directory, "port.tmp"), os.path.join(options.directory, "port"))
    try:
        loop.run_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())

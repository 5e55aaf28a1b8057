#!/usr/bin/env python3
"""Writes signed Twilio webhooks for the load generator, one per line: signature, a tab, body.

Every webhook has its own MessageSid and comes from its own phone number, so each one is a
new message heard must store (not a retry it can answer from what it already has).

    python3 bench/twilio_requests.py COUNT URL AUTH_TOKEN [FIRST] > requests.tsv

FIRST (default 0) numbers the first message, so two files never share a message id.

URL is the address heard checks the signature against (its HEARD_PUBLIC_URL plus
/webhooks/sms/twilio). Signing is Twilio's: HMAC-SHA1 over the URL followed by each
parameter name and value in name order, base64.
"""

import base64
import hashlib
import hmac
import sys
from urllib.parse import urlencode

OUR_NUMBER = "+447700900000"


def params(i):
    sid = f"SM{i:032x}"
    return {
        "AccountSid": "AC0123456789abcdef0123456789abcdef",
        "ApiVersion": "2010-04-01",
        "Body": "hello",
        "From": f"+447{i:09d}",
        "FromCountry": "GB",
        "MessageSid": sid,
        "NumMedia": "0",
        "NumSegments": "1",
        "SmsMessageSid": sid,
        "SmsSid": sid,
        "SmsStatus": "received",
        "To": OUR_NUMBER,
    }


def signature(token, url, fields):
    data = url + "".join(k + v for k, v in sorted(fields.items()))
    mac = hmac.new(token.encode(), data.encode(), hashlib.sha1).digest()
    return base64.b64encode(mac).decode()


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    count, url, token = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    first = int(sys.argv[4]) if len(sys.argv) == 5 else 0
    out = sys.stdout
    for i in range(first, first + count):
        fields = params(i)
        out.write(signature(token, url, fields) + "\t" + urlencode(fields) + "\n")


if __name__ == "__main__":
    main()

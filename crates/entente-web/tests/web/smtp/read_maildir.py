"""Reads every message of a Maildir (given as the only argument) and prints
them as JSON: headers the tests check, and each text part decoded."""

import json
import mailbox
import sys
from email import policy
from email.parser import BytesParser

messages = []
for key, raw in mailbox.Maildir(sys.argv[1], factory=None, create=False).items():
    message = BytesParser(policy=policy.default).parsebytes(raw.as_bytes())
    parts = {}
    for part in message.walk():
        if part.get_content_maintype() == "text":
            parts[part.get_content_type()] = part.get_content()
    messages.append(
        {
            "to": str(message["To"]),
            "from": str(message["From"]),
            "subject": str(message["Subject"]),
            "content_type": message.get_content_type(),
            "content_language": str(message.get("Content-Language", "")),
            "list_unsubscribe": str(message.get("List-Unsubscribe", "")),
            "text": parts.get("text/plain", ""),
            "html": parts.get("text/html", ""),
        }
    )
messages.sort(key=lambda m: m["to"])
print(json.dumps(messages))

"""What ALTCHA's widget does in the browser: find the number, send the payload."""

import base64
import hashlib
import json


def solve(challenge: dict) -> str:
    number = next(
        n
        for n in range(challenge["maxnumber"] + 1)
        if hashlib.sha256(f"{challenge['salt']}{n}".encode()).hexdigest() == challenge["challenge"]
    )
    payload = {**{k: challenge[k] for k in ("algorithm", "challenge", "salt", "signature")}}
    return base64.b64encode(json.dumps({**payload, "number": number}).encode()).decode()

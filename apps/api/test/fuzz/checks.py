"""Checks of the fuzz suite, added to schemathesis' own (loaded through SCHEMATHESIS_HOOKS).

Every answer: nothing of the server's insides (stack trace, SQL, driver messages). Every
error answer: the API's one JSON error shape, whose code and message name the problem, and
for an invalid input, each bad field.
"""

import json
import re

import schemathesis

LEAK = re.compile(
    r"\n\s+at |node_modules|\.ts:\d+|QueryFailedError|TypeORMError|ZodError|"
    r"\bSELECT\b.+\bFROM\b|INSERT INTO|UPDATE \"|DELETE FROM|syntax error at|violates .*constraint|"
    r"invalid input syntax|ECONNREFUSED|Traceback",
    re.IGNORECASE,
)


@schemathesis.check
def no_internals_leak(ctx, response, case):
    """No stack trace, SQL or driver message in any answer."""
    # Binary answers (XLSX exports) are searched as text all the same, undecodable bytes aside.
    text = response.content.decode("utf-8", errors="replace") if response.content else ""
    match = LEAK.search(text)
    if match:
        raise AssertionError(f"the answer leaks the server's insides: {match.group(0)!r} in {text[:300]!r}")


@schemathesis.check
def errors_name_the_problem(ctx, response, case):
    """Every 4xx/5xx is the one JSON error shape, with a code and a message that say what is wrong."""
    if response.status_code < 400:
        return
    if not (response.headers.get("content-type") or [""])[0].startswith("application/json"):
        raise AssertionError(f"error answer {response.status_code} is not JSON")
    try:
        body = json.loads(response.text)
    except ValueError as error:
        raise AssertionError(f"error answer {response.status_code} is not valid JSON: {error}")
    if body.get("statusCode") != response.status_code:
        raise AssertionError(f"error body statusCode {body.get('statusCode')} != {response.status_code}")
    if not re.fullmatch(r"[A-Z][A-Z0-9_]+", str(body.get("code", ""))):
        raise AssertionError(f"error answer without a code: {body}")
    message = body.get("message")
    if not isinstance(message, str) or len(message.strip()) < 8:
        raise AssertionError(f"error answer without a message that names the problem: {body}")
    if body.get("code") == "VALIDATION_FAILED":
        fields = body.get("fields")
        # A field may be named "" (an unknown empty key): named all the same.
        if not fields or not all(
            isinstance(f, dict) and isinstance(f.get("field"), str) and f.get("message") for f in fields
        ):
            raise AssertionError(f"an invalid input answer that names no field: {body}")

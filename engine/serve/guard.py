"""Who may use the page: its own address, its own forms.

The page listens on this computer, but any web site open in the same browser can
send requests to it. Three checks keep other sites out:

- **Host.** Every request must name the page by an address it listens on (loopback
  names, or the ``--host`` it was given). A site that points its own domain at
  127.0.0.1 ("DNS rebinding") sends its domain as ``Host`` and is refused, so it can
  never read the page, nor the token in it.
- **Origin.** A POST a browser sends carries the origin of the page that sent it; one
  from another origin, or from an origin the browser hides (``null``), is refused.
  Tools such as ``curl`` send none, and may use the API.
- **Token.** Every form of the page carries a token made when the server started;
  a form POST without it is refused. Another site cannot read the page, so it cannot
  know the token.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from urllib.parse import urlsplit

from starlette.requests import Request

# the names of this computer a browser may use for a page on loopback
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
# a page bound to these listens on every address: any name for it may be right
ANY_ADDRESS = frozenset({"0.0.0.0", "::", ""})


def new_token() -> str:
    """A token for the forms of one server run."""
    return secrets.token_urlsafe(32)


def _host_name(value: str) -> str:
    """The host part of a ``Host`` header or an origin's netloc, lower case, no port."""
    value = value.strip().lower()
    if value.startswith("["):  # [::1]:8765
        return value[1 : value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def _is_loopback(name: str) -> bool:
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def host_allowed(request: Request, bound_host: str) -> bool:
    """Whether the request's ``Host`` names this page: a loopback name, or the address
    the server was bound to; any name when it listens on every address."""
    if bound_host in ANY_ADDRESS:
        return True
    name = _host_name(request.headers.get("host", ""))
    return _is_loopback(name) or name == _host_name(bound_host)


def origin_allowed(request: Request) -> bool:
    """Whether a POST comes from the page itself: no ``Origin`` (not a browser), or
    one whose host and port are the ``Host`` the request was sent to."""
    origin = request.headers.get("origin")
    if origin is None:
        return True
    parts = urlsplit(origin)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return False  # "null": a sandboxed page, a file, or a site hiding where it is
    return parts.netloc.lower() == request.headers.get("host", "").strip().lower()


def token_matches(form, token: str) -> bool:
    """Whether a form carries this run's token (compared in constant time)."""
    sent = form.get("token")
    return isinstance(sent, str) and hmac.compare_digest(sent, token)

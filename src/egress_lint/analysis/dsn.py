"""Connection strings: URLs with query options, libpq ``key=value`` strings and ODBC ``KEY=value;`` strings.

A database, cache or broker client is usually told where to connect by one string that also carries
its TLS options (``postgresql://db.example.com/app?sslmode=require``, ``host=db port=5432
sslmode=disable``, ``rediss://cache:6380/0?ssl_cert_reqs=none``). This module turns such a string
(as far as the code shows it: unknown parts are HOLE characters) into a ``Url`` and a dict of options.
Option names are compared in lower case; values keep their case. Nothing here ever prints a value.
"""
from __future__ import annotations

import re
from typing import Dict, Optional, Tuple
from urllib.parse import unquote

from .urls import Url, parse, parse_host
from .values import HOLE, Const, Text, Value, shape_of

Options = Dict[str, str]

_LIBPQ_PAIR = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*('(?:[^'\\]|\\.)*'|[^\s']*)")
_ODBC_PAIR = re.compile(r"\s*([A-Za-z][A-Za-z0-9 _]*?)\s*=\s*(\{[^}]*\}|[^;]*)\s*(?:;|$)")


class Dsn:
    """A parsed connection string: where it goes and its options. ``complete`` is False when part of the
    option text is unknown, so an absent option may still be there."""

    __slots__ = ("url", "options", "complete", "form")

    def __init__(self, url: Optional[Url], options: Options, complete: bool, form: str) -> None:
        self.url = url
        self.options = options
        self.complete = complete
        self.form = form  # "url" | "libpq" | "odbc" | "host"

    def option(self, *names: str) -> Optional[str]:
        for name in names:
            found = self.options.get(name.lower())
            if found is not None:
                return found
        return None


def query_options(query: Optional[str]) -> Tuple[Options, bool]:
    """The options of a URL query string; the flag is False when part of it is unknown."""
    options: Options = {}
    if not query:
        return options, True
    complete = True
    for item in query.split("&"):
        key, _, value = item.partition("=")
        if HOLE in key:
            complete = False
            continue
        if HOLE in value:
            complete = False
        if key:
            options[unquote(key).lower()] = unquote(value)
    return options, complete


def parse_libpq(shape: str) -> Optional[Tuple[Options, bool]]:
    """``host=db.example.com dbname=app sslmode=require`` -> options; None when it is not that form."""
    text = shape.strip()
    if not text or "://" in text or "=" not in text or ";" in text:
        return None
    options: Options = {}
    complete = True
    position = 0
    while position < len(text):
        match = _LIBPQ_PAIR.match(text, position)
        if match is None:
            if text[position:].strip(" \t" + HOLE):
                return None if not options else (options, False)
            complete = False
            break
        key, value = match.group(1), match.group(2)
        if value.startswith("'"):
            value = re.sub(r"\\(.)", r"\1", value[1:-1])
        if HOLE in value:
            complete = False
        options[key.lower()] = value
        position = match.end()
        if position < len(text) and not text[position].isspace() and text[position] != HOLE:
            return None
        if position < len(text) and text[position] == HOLE:
            complete = False
            position += 1
    return (options, complete) if options else None


def parse_odbc(shape: str) -> Optional[Tuple[Options, bool]]:
    """``Driver={...};Server=db.example.com;Encrypt=no;`` -> options; None when it is not that form."""
    if ";" not in shape or "=" not in shape or "://" in shape:
        return None
    options: Options = {}
    complete = HOLE not in shape
    for match in _ODBC_PAIR.finditer(shape):
        key, value = match.group(1).strip(), match.group(2).strip()
        if key:
            options[key.lower()] = value.strip("{}")
    return (options, complete) if options else None


def _first_host(url: Url) -> Url:
    """A multi-host URL (``mongodb://a:27017,b:27017/``) is described by its first host."""
    host = url.host
    if host and "," in host:
        first = host.split(",", 1)[0]
        name, _, port = first.partition(":")
        return Url(url.scheme, name or None, port or None, url.path, url.query, url.userinfo, url.source)
    return url


def parse_dsn(value: Optional[Value], scheme: Optional[str]) -> Optional[Dsn]:
    """Parse a connection string value; ``scheme`` is the protocol's scheme for the forms without one.
    A bare host name (``MongoClient("db.example.com")``) is accepted as the ``host`` form."""
    if not isinstance(value, (Const, Text)) or (isinstance(value, Const) and not isinstance(value.value, str)):
        return None
    shape = shape_of(value)
    if "://" in shape:
        url = parse(shape)
        if url is None:
            return None
        options, complete = query_options(url.query)
        return Dsn(_first_host(url), options, complete, "url")
    found = parse_libpq(shape)
    if found is not None:
        options, complete = found
        return Dsn(_url_of_options(options, scheme), options, complete, "libpq")
    found = parse_odbc(shape)
    if found is not None:
        options, complete = found
        server = options.get("server") or options.get("host") or ""
        server = server.split(",", 1)[0].replace("tcp:", "")
        host = parse_host(server, scheme) if server and HOLE not in server else Url(scheme, None)
        user, password = options.get("uid"), options.get("pwd")
        if password is not None and password.strip("{}"):
            host = Url(host.scheme, host.host, host.port, host.path, host.query, f"{user or ''}:{password}",
                       host.source)
        return Dsn(host, options, complete, "odbc")
    if shape.strip() and not any(c in shape for c in " =/;@" + HOLE):
        return Dsn(parse_host(shape.split(",", 1)[0], scheme), {}, True, "host")
    return None


def _url_of_options(options: Options, scheme: Optional[str]) -> Url:
    host = options.get("host") or options.get("hostaddr")
    if host is not None and (HOLE in host or not host):
        host = None
    elif host is not None:
        host = host.split(",", 1)[0].lower()
    port = options.get("port")
    user = options.get("user")
    password = options.get("password")
    userinfo = None
    if password is not None:
        userinfo = f"{user or ''}:{password}"
    elif user is not None:
        userinfo = user
    query = "&".join(f"{k}={v}" for k, v in options.items() if k not in ("host", "hostaddr", "port", "user", "password"))
    return Url(scheme, host, port if port and HOLE not in port else None, None, query or None, userinfo)

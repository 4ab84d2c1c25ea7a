"""Does an ssl.SSLContext verify the server? Read from how it is made and then configured."""
from __future__ import annotations

import ast
from typing import Optional

from ..libraries import ssl as ssl_table
from ..libraries.spec import Arg
from .clients import ClientObject
from .values import Const, OneOf, Ref, is_false, options


class ContextState:
    __slots__ = ("verifies", "server_side", "checks_hostname", "reason", "made_unverified")

    def __init__(self) -> None:
        self.verifies: Optional[bool] = None  # None: cannot tell
        self.server_side = False
        self.checks_hostname: Optional[bool] = None
        self.reason = ""  # why it does not verify, for messages
        self.made_unverified = False  # the constructor itself gives an unverified context

    @property
    def unverified_client(self) -> bool:
        return self.verifies is False and not self.server_side


def context_state(context: ClientObject, model) -> ContextState:
    state = ContextState()
    api = context.constructor
    origin = context.origin
    if isinstance(origin, ast.Call) and api is not None:
        site = model.site(origin)
        if api.name == ssl_table.UNVERIFIED_FACTORY:
            state.verifies, state.checks_hostname = False, False
            state.made_unverified = True
            state.reason = f"made by {api.name}() on line {origin.lineno}"
        elif api.name == ssl_table.DEFAULT_FACTORY:
            purpose = site.value(Arg("purpose", 0))
            if isinstance(purpose, Ref) and purpose.qualname in ssl_table.SERVER_PURPOSES:
                state.server_side = True
            elif purpose is None or isinstance(purpose, Ref):
                state.verifies, state.checks_hostname = True, True
        elif api.name == ssl_table.CONTEXT_CLASS:
            protocol = site.value(Arg("protocol", 0))
            if isinstance(protocol, Ref) and protocol.qualname in ssl_table.SERVER_PROTOCOLS:
                state.server_side = True
            elif isinstance(protocol, Ref) and protocol.qualname in ssl_table.CLIENT_PROTOCOLS:
                state.verifies, state.checks_hostname = True, True
            elif protocol is None or isinstance(protocol, Ref):
                state.verifies, state.checks_hostname = False, False
                state.reason = f"ssl.SSLContext() on line {origin.lineno} defaults to CERT_NONE"
    for config in context.all_configs():
        if config.op == "set" and config.key is None and config.attr in ("verify_mode", "check_hostname"):
            value = model.resolve(config.value, config.scope)
            if config.attr == "verify_mode":
                if is_cert_none(value):
                    state.verifies = False
                    state.reason = f"verify_mode = CERT_NONE on line {config.line}"
                elif isinstance(value, Ref) and value.qualname in ssl_table.VERIFYING_MODES:
                    state.verifies = True
                else:
                    state.verifies = None
            elif isinstance(value, Const) and value.value is True:
                state.checks_hostname = True
                state.verifies = True  # Python turns CERT_REQUIRED on with check_hostname
            elif any(is_false(v) for v in options(value)):
                state.checks_hostname = False
        elif config.op == "call" and config.attr == "wrap_socket":
            server = model.site(config.node).value(Arg("server_side", 1))
            if isinstance(server, Const) and server.value is True:
                state.server_side = True
    return state


def is_cert_none(value) -> bool:
    if isinstance(value, OneOf):
        return any(is_cert_none(v) for v in options(value))
    if isinstance(value, Ref):
        return value.qualname == "ssl.CERT_NONE"
    return isinstance(value, Const) and value.value in ("CERT_NONE", "NONE")

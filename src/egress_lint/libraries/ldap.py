"""LDAP clients: ldap3 (Server, Tls) and python-ldap (initialize, set_option)."""
from .spec import (CERT_NONE, CLEARTEXT, FALSE, MISSING, ONE_OF, VERIFY, Api, Arg, ClientType, Library, TlsSwitch)

# A cleartext LDAP connection may be upgraded with StartTLS: when the module uses one of these names,
# no cleartext finding is made for its servers.
_STARTTLS = ("start_tls", "start_tls_s", "AUTO_BIND_TLS_BEFORE_BIND")
_LDAP3_HINT = "an ldaps:// URL or use_ssl=True (or start_tls() before the bind) with tls=Tls(validate=ssl.CERT_REQUIRED)"
_PYTHON_LDAP_HINT = ("an ldaps:// URI or start_tls_s() before the bind, with OPT_X_TLS_REQUIRE_CERT set to "
                     "OPT_X_TLS_DEMAND")

LDAP3_SERVER = Api("ldap3.Server", "ldap3", url=Arg("host", 0), connection=True, protocol="ldap",
                   tls=(TlsSwitch(Arg("use_ssl"), CLEARTEXT, (MISSING, FALSE),
                                  default="ldap3 connects in cleartext unless use_ssl=True, an ldaps:// URL or "
                                          "start_tls() is used"),
                        TlsSwitch(Arg("tls"), VERIFY, (MISSING,),
                                  default="ldap3 verifies no certificate unless tls=Tls(validate=ssl.CERT_REQUIRED) "
                                          "is given")),
                   upgraded_by=_STARTTLS, tls_hint=_LDAP3_HINT,
                   logins=(("ldap3.Connection", Arg("server", 0), (Arg("password", 2),)),),
                   login_groups=(("ldap3.ServerPool", Arg("servers", 0)),))

_NEVER = ("ldap.OPT_X_TLS_NEVER", "ldap.OPT_X_TLS_ALLOW", "ldap.OPT_X_TLS_TRY")
_REQUIRE_CERT = TlsSwitch(Arg("invalue", 1), VERIFY, (ONE_OF,), values=_NEVER,
                          selector=("ldap.OPT_X_TLS_REQUIRE_CERT",),
                          hint="OPT_X_TLS_REQUIRE_CERT set to OPT_X_TLS_DEMAND (OPT_X_TLS_CACERTFILE names a private CA)")

LDAP_OBJECT = ClientType(
    name="ldap.ldapobject.LDAPObject",
    library="python-ldap",
    method_switches=(("set_option", _REQUIRE_CERT),),
    auth_methods=("simple_bind_s", "simple_bind", "bind_s", "bind"),
)

LIBRARY = Library(
    name="ldap",
    modules=("ldap3", "ldap"),
    constructors=(
        ("ldap.initialize", Api("ldap.initialize", "python-ldap", url=Arg("uri", 0), connection=True,
                                protocol="ldap", makes=LDAP_OBJECT.name, upgraded_by=_STARTTLS,
                                tls_hint=_PYTHON_LDAP_HINT)),
        ("ldap.ldapobject.LDAPObject", Api("ldap.ldapobject.LDAPObject", "python-ldap", url=Arg("uri", 0),
                                           connection=True, protocol="ldap", makes=LDAP_OBJECT.name,
                                           upgraded_by=_STARTTLS, tls_hint=_PYTHON_LDAP_HINT)),
    ),
    client_types=(LDAP_OBJECT,),
    functions=(("ldap3.Server", LDAP3_SERVER),),
    config_functions=(
        ("ldap.set_option", (_REQUIRE_CERT,)),
        ("ldap3.Tls", (TlsSwitch(Arg("validate"), VERIFY, (CERT_NONE, MISSING),
                                 default="ldap3.Tls() does not verify certificates unless "
                                         "validate=ssl.CERT_REQUIRED",
                                 hint="Tls(validate=ssl.CERT_REQUIRED) (ca_certs_file= names a private CA)"),)),
    ),
    aliases=(("ldap3.core.server", "ldap3"), ("ldap3.core.tls", "ldap3"), ("ldap3.core.connection", "ldap3"),
             ("ldap3.core.pooling", "ldap3")),
)

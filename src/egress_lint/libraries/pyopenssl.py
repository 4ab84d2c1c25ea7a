"""pyOpenSSL: SSL.Context and its cipher list."""
from .spec import PROTOCOL, WEAK_CIPHERS, WEAK_PROTOCOL, Api, Arg, ClientType, Library, TlsSwitch

CONTEXT = ClientType(
    name="OpenSSL.SSL.Context",
    library="pyopenssl",
    method_switches=(("set_cipher_list", TlsSwitch(Arg("cipher_list", 0), PROTOCOL, (WEAK_CIPHERS,))),),
)

LIBRARY = Library(
    name="pyopenssl",
    modules=("OpenSSL",),
    constructors=(("OpenSSL.SSL.Context", Api("OpenSSL.SSL.Context", "pyopenssl", makes=CONTEXT.name,
                                              tls=(TlsSwitch(Arg("method", 0), PROTOCOL, (WEAK_PROTOCOL,)),))),),
    client_types=(CONTEXT,),
)

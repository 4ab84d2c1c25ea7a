"""Standard-library clients of protocols with a cleartext and a TLS variant: FTP, SMTP, IMAP, POP3,
Telnet and XML-RPC. The TLS variants are listed so that they are known, and never reported."""
from .spec import CONTEXT, UNVERIFIED_CONTEXT, Api, Arg, ClientType, Library, TlsSwitch

_CONTEXT = (TlsSwitch(Arg("context"), CONTEXT, (UNVERIFIED_CONTEXT,)),)

# (class, library, scheme, methods that switch the connection to TLS, host argument)
_CLASSES = (
    ("ftplib.FTP", "ftplib", "ftp", (), Arg("host", 0)),
    ("ftplib.FTP_TLS", "ftplib", "ftps", (), Arg("host", 0)),
    ("smtplib.SMTP", "smtplib", "smtp", ("starttls",), Arg("host", 0)),
    ("smtplib.SMTP_SSL", "smtplib", "smtps", (), Arg("host", 0)),
    ("smtplib.LMTP", "smtplib", "smtp", ("starttls",), Arg("host", 0)),
    ("imaplib.IMAP4", "imaplib", "imap", ("starttls",), Arg("host", 0)),
    ("imaplib.IMAP4_SSL", "imaplib", "imaps", (), Arg("host", 0)),
    ("poplib.POP3", "poplib", "pop3", ("stls",), Arg("host", 0)),
    ("poplib.POP3_SSL", "poplib", "pop3s", (), Arg("host", 0)),
    ("telnetlib.Telnet", "telnetlib", "telnet", (), Arg("host", 0)),
)

CLIENT_TYPES = tuple(ClientType(name=name, library=library, upgraded_by=upgrades) for name, library, _, upgrades, _ in
                     _CLASSES)
SERVER_PROXY = ClientType(name="xmlrpc.client.ServerProxy", library="xmlrpc")

LIBRARY = Library(
    name="plain-protocols",
    modules=("ftplib", "smtplib", "imaplib", "poplib", "telnetlib", "xmlrpc", "xmlrpclib", "six"),
    submodules=("xmlrpc.client", "six.moves.xmlrpc_client"),
    constructors=tuple(
        (name, Api(name, library, host=host, scheme=scheme, connection=True, makes=name,
                   tls=_CONTEXT if scheme.endswith("s") else ()))
        for name, library, scheme, _, host in _CLASSES
    ) + (
        ("xmlrpc.client.ServerProxy", Api("xmlrpc.client.ServerProxy", "xmlrpc", url=Arg("uri", 0), connection=True,
                                          makes=SERVER_PROXY.name, tls=_CONTEXT)),
    ),
    client_types=CLIENT_TYPES + (SERVER_PROXY,),
    aliases=(("xmlrpclib", "xmlrpc.client"), ("six.moves.xmlrpc_client", "xmlrpc.client")),
)

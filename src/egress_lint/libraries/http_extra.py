"""More HTTP clients: httplib2, pycurl and tornado's httpclient."""
from .spec import FALSE, HOSTNAME, TRUE, VERIFY, Api, Arg, ClientType, Library, Payload, TlsSwitch

HTTPLIB2 = ClientType(
    name="httplib2.Http",
    library="httplib2",
    methods={"request": Api("httplib2.Http.request", "httplib2", url=Arg("uri", 0), method_arg=Arg("method", 1),
                            payload=Payload(body=(Arg("body", 2),), headers=Arg("headers", 3)))},
)

# A Curl handle connects to the URL given by setopt(pycurl.URL, ...) when perform() runs; USERPWD,
# PASSWORD and XOAUTH2_BEARER give it credentials.
_CURL_URL = Api("pycurl.Curl.setopt(URL)", "pycurl", url=Arg("value", 1), connection=True, protocol="https",
                tls_hint="an https:// URL (pycurl verifies the server by default)")
CURL = ClientType(
    name="pycurl.Curl",
    library="pycurl",
    endpoint=_CURL_URL,
    endpoint_method="setopt",
    endpoint_options=("pycurl.URL",),
    auth_options=("pycurl.USERPWD", "pycurl.PASSWORD", "pycurl.XOAUTH2_BEARER"),
    method_switches=(
        ("setopt", TlsSwitch(Arg("value", 1), VERIFY, (FALSE,), selector=("pycurl.SSL_VERIFYPEER",),
                             hint="setopt(pycurl.SSL_VERIFYPEER, 1), the default (pycurl.CAINFO names a private CA)")),
        ("setopt", TlsSwitch(Arg("value", 1), HOSTNAME, (FALSE,), selector=("pycurl.SSL_VERIFYHOST",),
                             hint="setopt(pycurl.SSL_VERIFYHOST, 2), the default")),
    ),
)

_VALIDATE = (TlsSwitch(Arg("validate_cert"), VERIFY, (FALSE,),
                       hint="validate_cert=True, the default (ca_certs= names a private CA)"),)
_FETCH = Api("tornado.httpclient.AsyncHTTPClient.fetch", "tornado", url=Arg("request", 0), tls=_VALIDATE,
             payload=Payload(body=(Arg("body"),), headers=Arg("headers"), auth=None))
TORNADO_ASYNC = ClientType(name="tornado.httpclient.AsyncHTTPClient", library="tornado", methods={"fetch": _FETCH})
TORNADO_SYNC = ClientType(name="tornado.httpclient.HTTPClient", library="tornado", methods={
    "fetch": Api("tornado.httpclient.HTTPClient.fetch", "tornado", url=Arg("request", 0), tls=_VALIDATE,
                 payload=Payload(body=(Arg("body"),), headers=Arg("headers")))})

LIBRARY = Library(
    name="http-extra",
    modules=("httplib2", "pycurl"),
    constructors=(
        ("httplib2.Http", Api("httplib2.Http", "httplib2", makes=HTTPLIB2.name,
                              tls=(TlsSwitch(Arg("disable_ssl_certificate_validation"), VERIFY, (TRUE,),
                                             hint="Http(ca_certs=...) without "
                                                  "disable_ssl_certificate_validation"),))),
        ("pycurl.Curl", Api("pycurl.Curl", "pycurl", makes=CURL.name)),
    ),
    client_types=(HTTPLIB2, CURL),
)

# tornado's own modules import tornado: only a text that names its HTTP client is worth parsing for it.
# An HTTPRequest is built first and sent by fetch(): its URL is read at the fetch, its validate_cert
# where it is written.
HTTP_REQUEST = Api("tornado.httpclient.HTTPRequest", "tornado", url=Arg("url", 0), method_arg=Arg("method", 1),
                   payload=Payload(body=(Arg("body"),), headers=Arg("headers")))

TORNADO = Library(
    name="tornado",
    modules=("tornado",),
    request_objects=(("tornado.httpclient.HTTPRequest", HTTP_REQUEST),),
    config_functions=(("tornado.httpclient.HTTPRequest", _VALIDATE),),
    constructors=(
        ("tornado.httpclient.AsyncHTTPClient", Api("tornado.httpclient.AsyncHTTPClient", "tornado",
                                                   makes=TORNADO_ASYNC.name)),
        ("tornado.httpclient.HTTPClient", Api("tornado.httpclient.HTTPClient", "tornado", makes=TORNADO_SYNC.name)),
    ),
    client_types=(TORNADO_ASYNC, TORNADO_SYNC),
    precheck_words=("HTTPRequest", "HTTPClient"),
)

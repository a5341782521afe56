"""The smallest WSGI application: what gunicorn itself can serve, a ceiling beside the static file.

`make bench` runs it under the same gunicorn settings as the site (bench/load.py), so the gap
between it and the static file is what Django and WhiteNoise cost on the cheapest request.
"""

BODY = b"ok\n"
HEADERS = [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(BODY)))]


def application(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]

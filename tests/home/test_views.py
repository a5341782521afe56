"""Views outside the page tree: the favicon."""

import io
from xml.etree import ElementTree

from bs4 import BeautifulSoup
from PIL import Image


def read(client, url):
    """The body of a static file, which WhiteNoise may answer as a stream."""
    response = client.get(url)
    assert response.status_code == 200, url
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_favicon_ico_redirects_permanently_to_a_real_icon(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith(".ico")
    icon = Image.open(io.BytesIO(read(client, response["Location"])))
    assert icon.format == "ICO"
    assert (32, 32) in icon.info["sizes"]


def test_every_page_links_its_icons(client, site_tree):
    html = BeautifulSoup(client.get("/nl/").content, "html.parser")
    links = {
        link["type"] if link.has_attr("type") else "ico": link["href"]
        for link in html.select('link[rel="icon"]')
    }
    svg = ElementTree.fromstring(read(client, links["image/svg+xml"]))  # noqa: S314 - our file
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    assert Image.open(io.BytesIO(read(client, links["ico"]))).format == "ICO"

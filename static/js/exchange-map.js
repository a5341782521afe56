/* The network map: Leaflet over the list of places, which works without this file.
 *
 * The map region is aria-busy until its places are placed, the view has settled and the
 * visible tiles have loaded (or failed); a failing GeoJSON request or tile server leaves a
 * map without markers or tiles, never a region that stays busy. */
(function () {
    "use strict";
    var element = document.getElementById("network-map");
    if (!element || !window.L) {
        return;
    }
    element.hidden = false;
    element.setAttribute("aria-busy", "true");
    var map = L.map(element, { scrollWheelZoom: false }).setView([50.85, 4.35], 8);
    var tiles = L.tileLayer(element.getAttribute("data-tiles"), {
        attribution: element.getAttribute("data-attribution"),
        maxZoom: 18
    }).addTo(map);

    function settled() {
        if (tiles.isLoading()) {
            tiles.once("load", settled);
            return;
        }
        element.removeAttribute("aria-busy");
    }

    fetch(element.getAttribute("data-geojson"), { headers: { Accept: "application/geo+json" } })
        .then(function (response) {
            if (!response.ok) {
                throw new Error(response.status);
            }
            return response.json();
        })
        .then(function (data) {
            var layer = L.geoJSON(data, {
                pointToLayer: function (feature, latlng) {
                    var title = feature.properties.kind_label + ": " + feature.properties.title;
                    return L.marker(latlng, { title: title, alt: title, keyboard: true });
                },
                onEachFeature: function (feature, marker) {
                    var paragraph = document.createElement("p");
                    var link = document.createElement("a");
                    link.href = feature.properties.url;
                    link.textContent = feature.properties.title;
                    paragraph.appendChild(document.createTextNode(feature.properties.kind_label + ": "));
                    paragraph.appendChild(link);
                    marker.bindPopup(paragraph);
                }
            }).addTo(map);
            if (layer.getLayers().length) {
                map.once("moveend", settled);
                map.fitBounds(layer.getBounds(), { padding: [24, 24], maxZoom: 12 });
            } else {
                settled();
            }
        })
        .catch(settled);
}());

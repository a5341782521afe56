"""Images in templates that survive a missing file.

`{% stored_image image "fill-480x320" alt=text loading="lazy" %}` renders the `<img>` of a
rendition whose file is in storage, or, when neither the rendition's file nor the original
can be found, the alt text in its place (nothing for a decorative image with an empty alt).
`{% stored_rendition image "width-1000" as img %}` gives the rendition or None, for markup of
a template's own. Both go through `network.media_files.usable_rendition`, which makes a lost
rendition again from its original and logs a missing original once.
"""

from django import template

from network.media_files import usable_rendition

register = template.Library()


@register.simple_tag
def stored_rendition(image, spec):
    return usable_rendition(image, spec)


@register.inclusion_tag("includes/stored_image.html")
def stored_image(image, spec, alt="", css_class="", loading=""):
    return {
        "rendition": usable_rendition(image, spec),
        "alt": alt,
        "css_class": css_class,
        "loading": loading,
    }

"""Blocks for event programmes: agenda items with time, title, speakers and room."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class AgendaItemValue(blocks.StructValue):
    """Display helpers for an agenda item, so the template stays free of logic."""

    def time_range(self):
        starts, ends = self.get("starts"), self.get("ends")
        if starts and ends:
            return f"{starts:%H:%M}–{ends:%H:%M}"
        return f"{starts:%H:%M}" if starts else ""


class AgendaItemBlock(blocks.StructBlock):
    starts = blocks.TimeBlock(label=_("Starts"), format="%H:%M")
    ends = blocks.TimeBlock(label=_("Ends"), required=False, format="%H:%M")
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    speakers = blocks.ListBlock(SnippetChooserBlock("events.Speaker"), label=_("Speakers"))
    room = blocks.CharBlock(label=_("Room"), required=False, max_length=100)
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "time"
        label = _("Agenda item")
        value_class = AgendaItemValue
        template = "events/blocks/agenda_item.html"


class ProgrammeBlock(blocks.StreamBlock):
    item = AgendaItemBlock()

    class Meta:
        label = _("Programme")

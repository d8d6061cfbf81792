"""Starts the moto server (python3 moto_server.py -H HOST -p PORT) with EventBridge's TestEventPattern answered.

moto 5.2.1 routes PutEvents to the rules whose pattern matches with its own matcher (moto.events.models.EventPattern),
but its TestEventPattern handler is a stub that answers an empty body. This fills it in with that same matcher, so that
a pattern is judged by an implementation nobody in this project wrote; nothing else of moto is changed.
"""
import json
import sys

from moto.events.models import EventPattern, EventPatternParser
from moto.events.responses import EventsHandler
from moto.server import main


def test_event_pattern(self):
    pattern = self._get_param("EventPattern")
    event = json.loads(self._get_param("Event"))
    return json.dumps({"Result": EventPattern(pattern, EventPatternParser(pattern).parse()).matches_event(event)})


EventsHandler.test_event_pattern = test_event_pattern

if __name__ == "__main__":
    main(sys.argv[1:])

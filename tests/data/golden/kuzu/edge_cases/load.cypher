// Loads the files of this folder into the tables of schema.cypher. Written by kgraph.
// File names are relative: run from this folder (load.mjs does). Rows whose values Kuzu's CSV
// reader would not give back exactly are in a .json file (JSON Lines) beside the .csv file.
COPY `Source` FROM 'sources.csv' (HEADER=true, DELIM=',', QUOTE='"', ESCAPE='"');
COPY `Source` FROM 'sources.json';
COPY `Actor` FROM 'actors.csv' (HEADER=true, DELIM=',', QUOTE='"', ESCAPE='"');
COPY `Actor` FROM 'actors.json';
COPY `Law` FROM 'laws.csv' (HEADER=true, DELIM=',', QUOTE='"', ESCAPE='"');
COPY `Event` FROM 'events.csv' (HEADER=true, DELIM=',', QUOTE='"', ESCAPE='"');
COPY `Place` FROM 'places.csv' (HEADER=true, DELIM=',', QUOTE='"', ESCAPE='"');
COPY `APPLIES_TO` FROM 'rel_applies_to_law_place.csv' (HEADER=true, DELIM=',', QUOTE='"', ESCAPE='"', from='Law', to='Place');
COPY `OCCURRED_IN` FROM 'rel_occurred_in_event_place.csv' (HEADER=true, DELIM=',', QUOTE='"', ESCAPE='"', from='Event', to='Place');
COPY `PARTICIPATED_IN` FROM 'rel_participated_in_actor_event.csv' (HEADER=true, DELIM=',', QUOTE='"', ESCAPE='"', from='Actor', to='Event');
COPY `PARTY_TO` FROM 'rel_party_to_actor_law.csv' (HEADER=true, DELIM=',', QUOTE='"', ESCAPE='"', from='Actor', to='Law');
COPY `RELATED_TO` FROM 'rel_related_to_actor_actor.csv' (HEADER=true, DELIM=',', QUOTE='"', ESCAPE='"', from='Actor', to='Actor');
COPY `RELATED_TO` FROM 'rel_related_to_actor_actor.json' (from='Actor', to='Actor');
COPY `RELATED_TO` FROM 'rel_related_to_place_law.csv' (HEADER=true, DELIM=',', QUOTE='"', ESCAPE='"', from='Place', to='Law');
COPY `SPOKESPERSON_OF` FROM 'rel_spokesperson_of_actor_actor.csv' (HEADER=true, DELIM=',', QUOTE='"', ESCAPE='"', from='Actor', to='Actor');

file(READ ${INPUT} KGRAPH_SCHEMA_TEXT)
file(WRITE ${OUTPUT} "// Generated from graph/default_schema.json; do not edit.\n"
  "namespace kgraph { extern const char* const kDefaultSchemaJson = R\"kgraph_schema(${KGRAPH_SCHEMA_TEXT})kgraph_schema\"; }\n")

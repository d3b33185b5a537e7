// Compiles tests/CMakeLists.txt's precompiled header for the test objects; no code of its own.

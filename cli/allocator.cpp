// The allocator of the `kgraph` command: jemalloc, asked to keep its memory in transparent huge
// pages.
//
// kgraph's big tables (the string pool's index and text, the builder's entity and relation
// tables, the graph's arrays) are read at random over hundreds of MB. With 4 KiB pages most of
// those reads also miss the TLB and walk the page tables. Kernels in `madvise` mode (Debian's
// default) give huge pages only to memory that asks for them; `thp:always` makes jemalloc ask
// for all of its memory, its own metadata included. On the 1M-entity / 4M-relation benchmark
// that makes `kgraph validate` about a quarter faster for 2 % more memory (docs/performance.md).
// Only the command links it: programs that link the libraries keep their own allocator.

// jemalloc reads this at its start, before the first allocation; MALLOC_CONF in the environment
// still overrides it.
extern "C" {
extern const char* malloc_conf;
const char* malloc_conf = "thp:always,metadata_thp:always";
}

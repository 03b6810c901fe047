// (filled in as the leader module is built)
export {};

// (filled in as the queue module is built)
export {};

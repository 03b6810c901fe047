// (filled in as the informer module is built)
export {};

// (filled in as the labels module is built)
export {};

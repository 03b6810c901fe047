// (filled in as the patch module is built)
export {};

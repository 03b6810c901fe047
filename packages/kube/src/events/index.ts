// (filled in as the events module is built)
export {};

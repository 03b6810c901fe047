// (filled in as the controller module is built)
export {};

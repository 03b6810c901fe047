// @aviary/kube/testing: fakes and test servers for controller and client tests.
export {};
export * from './list-watch-server.js';
export * from './fake-client.js';

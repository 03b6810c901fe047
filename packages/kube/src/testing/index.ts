// @aviary/kube/testing: fakes and test servers for controller and client tests.
export {};

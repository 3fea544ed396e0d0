demo"http-ingress"admin"worker"
log-server"metadata-server( 08@HPXhr'
http-ingress-server127.0.0.1:5120rJ
http-ingress-server1/work/main/.lookout/demo/data/node-1/ingress.sockr$
admin-api-server127.0.0.1:5121rE
admin-api-server//work/main/.lookout/demo/data/node-1/admin.sockr)
message-fabric-server127.0.0.1:5122rK
message-fabric-server0/work/main/.lookout/demo/data/node-1/fabric.sockz/
http-ingress-serverhttp://127.0.0.1:5120/z,
admin-api-serverhttp://127.0.0.1:5121/z1
message-fabric-serverhttp://127.0.0.1:5122/
demo"http-ingress"admin"worker"
log-server"metadata-server(Ä08@HPXhr'
http-ingress-server127.0.0.1:8071r9
http-ingress-server /tmp/cl/data/node-1/ingress.sockr$
admin-api-server127.0.0.1:9071r4
admin-api-server/tmp/cl/data/node-1/admin.sockr)
message-fabric-server127.0.0.1:5132r:
message-fabric-server/tmp/cl/data/node-1/fabric.sockz/
http-ingress-serverhttp://127.0.0.1:8071/z,
admin-api-serverhttp://127.0.0.1:9071/z1
message-fabric-serverhttp://127.0.0.1:5132/
#!/usr/bin/env node
// Interop check with node-opcua, an OPC UA stack nobody on this project wrote: connect to a CellPilot server (the
// cell server or a PLC), browse below a root node and read values. Prints one line per finding, for a JUnit test:
//   BROWSE <path> <nodeId>      READ <nodeId> <status> <value as JSON>      DONE
// Node ids may be given as nsu=<namespace URI>;s=... and are resolved with the server's namespace array.
"use strict";
const path = require("path");
const os = require("os");
const fs = require("fs");
const {
  OPCUAClient, OPCUACertificateManager, MessageSecurityMode, SecurityPolicy, AttributeIds, UserTokenType,
  NodeClass, BrowseDirection,
} = require("node-opcua");

function args(argv) {
  const a = { read: [], depth: 8 };
  for (let i = 2; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, "");
    if (key === "read") a.read.push(argv[i + 1]); else a[key] = argv[i + 1];
  }
  return a;
}

function resolver(namespaces) {
  return (id) => {
    const m = /^nsu=([^;]+);(.*)$/.exec(id);
    if (!m) return id;
    const index = namespaces.indexOf(m[1]);
    if (index < 0) throw new Error("namespace " + m[1] + " is not on the server");
    return "ns=" + index + ";" + m[2];
  };
}

async function browse(session, nodeId, prefix, depth, out) {
  if (depth <= 0) return;
  const result = await session.browse({
    nodeId, browseDirection: BrowseDirection.Forward, includeSubtypes: true,
    referenceTypeId: "HierarchicalReferences", nodeClassMask: 0, resultMask: 63,
  });
  for (const ref of result.references || []) {
    const p = prefix + "/" + ref.browseName.name;
    out.push("BROWSE " + p + " " + ref.nodeId.toString());
    if (ref.nodeClass === NodeClass.Object || ref.nodeClass === NodeClass.Variable) {
      await browse(session, ref.nodeId, p, depth - 1, out);
    }
  }
}

async function main() {
  const a = args(process.argv);
  const pki = fs.mkdtempSync(path.join(os.tmpdir(), "cellpilot-node-opcua-"));
  const certificateManager = new OPCUACertificateManager({
    rootFolder: pki, automaticallyAcceptUnknownCertificate: true,
  });
  const secure = (a.mode || "None") !== "None";
  const client = OPCUAClient.create({
    applicationName: "cellpilot-interop",
    applicationUri: a.applicationUri || "urn:cellpilot:interop:node-opcua",
    securityMode: MessageSecurityMode[a.mode || "None"],
    securityPolicy: SecurityPolicy[a.policy || "None"],
    certificateFile: secure ? a.cert : undefined,
    privateKeyFile: secure ? a.key : undefined,
    clientCertificateManager: certificateManager,
    endpointMustExist: false,
    connectionStrategy: { maxRetry: 2, initialDelay: 500, maxDelay: 2000 },
  });
  await client.connect(a.endpoint);
  const identity = a.user ? { type: UserTokenType.UserName, userName: a.user, password: a.password }
    : { type: UserTokenType.Anonymous };
  const session = await client.createSession(identity);
  const namespaces = (await session.read({ nodeId: "ns=0;i=2255", attributeId: AttributeIds.Value })).value.value;
  const resolve = resolver(namespaces);
  const out = [];
  if (a.root) await browse(session, resolve(a.root), "", Number(a.depth), out);
  for (const id of a.read) {
    const dv = await session.read({ nodeId: resolve(id), attributeId: AttributeIds.Value });
    const v = dv.value.value;
    out.push("READ " + id + " " + dv.statusCode.name + " " + JSON.stringify(typeof v === "bigint" ? String(v) : v));
  }
  out.forEach((line) => console.log(line));
  await session.close();
  await client.disconnect();
  fs.rmSync(pki, { recursive: true, force: true });
  console.log("DONE");
}

main().catch((e) => {
  console.error("interop failed: " + (e && e.message ? e.message : e));
  process.exit(1);
});

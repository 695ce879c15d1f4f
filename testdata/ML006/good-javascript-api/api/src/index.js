import { createServer } from "node:http";
import { settings } from "./settings.js";

createServer((_req, res) => res.end("ok")).listen(settings.port);

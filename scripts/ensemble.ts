// npm run ensemble -- --size 3 : start a local loopback ensemble until Ctrl-C.
import { startEnsemble } from "../lib/ensemble/launcher";

const sizeArg = process.argv.indexOf("--size");
const size = sizeArg >= 0 ? Number(process.argv[sizeArg + 1]) : 1;
if (!Number.isInteger(size) || size < 1 || size > 9) {
  console.error("--size must be a whole number from 1 to 9");
  process.exit(2);
}
startEnsemble({ size }).then(
  (e) => {
    console.log(`ZooKeeper ensemble of ${size} running under ${e.baseDir}`);
    console.log(`connection string: ${e.connectionString}`);
    const stop = () => e.stopAll().then(() => process.exit(0));
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  },
  (err) => {
    console.error(err.message);
    process.exit(1);
  },
);

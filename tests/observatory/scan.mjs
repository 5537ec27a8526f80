// Grades a server with the MDN HTTP Observatory (npm @mdn/mdn-http-observatory, pinned in this
// directory's package.json): its own retriever, tests and grader, as its CLI runs them, but on
// the ports a test server uses (the CLI only knows 80 and 443).
// Usage: node scan.mjs HOST HTTP_PORT HTTPS_PORT MIN_GRADE   (NODE_EXTRA_CA_CERTS for a test CA)
import { retrieve } from "@mdn/mdn-http-observatory/src/retriever/retriever.js";
import { ALL_TESTS } from "@mdn/mdn-http-observatory/src/constants.js";
import { getGradeForScore, getScoreModifier } from "@mdn/mdn-http-observatory/src/grader/grader.js";
import { MINIMUM_SCORE_FOR_EXTRA_CREDIT } from "@mdn/mdn-http-observatory/src/grader/charts.js";

const [host, httpPort, httpsPort, wanted] = process.argv.slice(2);
const r = await retrieve(host, { httpPort: Number(httpPort), httpsPort: Number(httpsPort) });
if (!r.responses.auto) {
  console.error(`observatory: ${host} cannot be reached`);
  process.exit(1);
}
// The grading of src/scanner/index.js: modifiers add up; extra credit only from an A on.
let withExtra = 100;
let uncurved = 100;
const failed = [];
for (const test of ALL_TESTS) {
  const result = test(r);
  if (!result.result) continue;
  const modifier = getScoreModifier(result.result);
  withExtra += modifier;
  if (modifier < 0) uncurved += modifier;
  if (!result.pass) failed.push(result.result);
  console.log(`${result.pass ? "pass" : "FAIL"} ${String(modifier).padStart(4)}  ${result.result}`);
}
const { grade, score } = getGradeForScore(uncurved >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? withExtra : uncurved);
console.log(`observatory: ${host} (https ${httpsPort}) grade ${grade}, score ${score}`);
const order = ["A+", "A", "A-", "B+", "B", "B-", "C+", "C", "C-", "D+", "D", "D-", "F"];
if (order.indexOf(grade) > order.indexOf(wanted)) {
  console.error(`observatory: grade ${grade} is below ${wanted}; failing tests: ${failed.join(", ")}`);
  process.exit(1);
}

import {studyIndex} from "../../loaders/node/site/study.ts";

// The consultant's index of the organisations in the study (never linked from a client's study).
process.stdout.write(JSON.stringify(await studyIndex()));

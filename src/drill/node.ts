// The Node-only half of drills: reading drill files.
export { readDrill, findDrill, DRILLS_DIR } from './files';

export * from "./article.js";
export * from "./page.js";
export * from "./reading.js";
export * from "./report.js";
export * from "./story.js";

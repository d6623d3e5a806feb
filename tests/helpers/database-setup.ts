import { dropTemplates, provideTemplates } from "./templates.ts";

// globalSetup of the projects whose tests use a database: one migrated template per run.
export const setup = () => provideTemplates({ demo: false });
export const teardown = dropTemplates;

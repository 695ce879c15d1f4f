declare namespace NodeJS { interface ProcessEnv { PORT?: string } }

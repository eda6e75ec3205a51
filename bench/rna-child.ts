// The RNA import measured in a process of its own (bench/rna.ts): writes the territory the import
// filters on, imports the file, and prints its report, duration and peak memory as JSON on stdout.
const { prisma, configureSqlite } = await import("../app/db.server");
const { seedBesanconTerritory } = await import("../prisma/seed/territory");
const { createImportRecord, fileIdentity } = await import("../app/rna/imports.server");
const { runImport } = await import("../app/rna/run.server");

const filePath = process.argv[2]!;
await configureSqlite(prisma);
await seedBesanconTerritory(prisma);
const started = performance.now();
const identity = await fileIdentity(filePath);
const record = await createImportRecord(prisma, { mode: "apply", fileName: "bench.csv", filePath, ...identity });
const report = await runImport(prisma, record.id);
const seconds = (performance.now() - started) / 1000;
await prisma.$disconnect();
// maxRSS is in kilobytes: the process's peak resident memory, the import's whole footprint.
process.stdout.write(JSON.stringify({ report, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 }) + "\n");
export {};

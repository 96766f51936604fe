package io.thoughtscope.store.imports;

import io.thoughtscope.reasoning.traces.ReadProblem;
import io.thoughtscope.store.StoreException;

import java.util.List;

/**
 * What an import of one file did.
 *
 * @param source        the file
 * @param format        how it was read
 * @param added         sessions added
 * @param alreadyStored records found stored already (a second import of the same file adds nothing)
 * @param problems      malformed records, each skipped
 * @param stoppedBy     a store failure that ended the import early (a full disk), or null; what
 *                      was added before it is kept
 */
public record ImportReport(String source, ImportFormat format, int added, int alreadyStored, List<ReadProblem> problems,
                           StoreException stoppedBy) {

    public ImportReport {
        problems = List.copyOf(problems);
    }

    public int skipped() {
        return problems.size();
    }
}

package io.thoughtscope.runtime.hub;

/**
 * A file of a hub repository as the hub describes it.
 *
 * @param repo   {@code owner/name}
 * @param path   the file's path in the repository
 * @param size   its size in bytes
 * @param sha256 the SHA-256 the hub keeps for it (Git LFS metadata), lower-case hex
 * @param commit the commit the revision resolved to, empty when not told
 */
public record HubFile(String repo, String path, long size, String sha256, String commit) {
}

//! `api/` is a copy of the shared contract (`../shared/api/`, beside the
//! repository), never a fork of it: every file the shared folder holds is
//! here byte for byte. Where the shared folder is not beside the clone (a
//! machine that only has the repository), there is nothing to compare.

use std::path::{Path, PathBuf};

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(at) = stack.pop() {
        for entry in std::fs::read_dir(&at).unwrap_or_else(|e| panic!("{}: {e}", at.display())) {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                found.push(path.strip_prefix(dir).expect("below dir").to_path_buf());
            }
        }
    }
    found.sort();
    found
}

#[test]
fn api_is_the_shared_contract_unchanged() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let shared = root.join("../shared/api");
    if !shared.is_dir() {
        eprintln!("no {} here: nothing to compare", shared.display());
        return;
    }
    let ours = root.join("api");
    for file in files(&shared) {
        let theirs = std::fs::read(shared.join(&file)).expect("readable shared file");
        let mine = std::fs::read(ours.join(&file))
            .unwrap_or_else(|e| panic!("api/{} is missing: {e}", file.display()));
        assert!(
            mine == theirs,
            "api/{} differs from the shared contract",
            file.display()
        );
    }
}

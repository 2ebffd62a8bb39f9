package org.subledger.command.organisation;

import java.util.HashMap;
import java.util.Map;

/** Units as a parent map, and the password hashes stored, for fixtures. */
class FakeDirectory implements UnitHierarchy, UserPasswords {

    final Map<String, String> parents = new HashMap<>();
    final Map<String, String> hashes = new HashMap<>();

    FakeDirectory unit(String code, String parent) {
        parents.put(code, parent);
        return this;
    }

    @Override
    public boolean exists(String code) {
        return parents.containsKey(code);
    }

    @Override
    public boolean isWithin(String code, String ancestor) {
        for (String at = code; at != null; at = parents.get(at)) {
            if (at.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void store(String userName, String passwordHash) {
        hashes.put(userName, passwordHash);
    }
}

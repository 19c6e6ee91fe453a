package org.qunbei.accounts.internal;

import java.util.List;
import java.util.Optional;
import org.qunbei.accounts.Contact;
import org.qunbei.accounts.Role;
import org.qunbei.shared.NoAutoFlush;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface UserAccounts extends Repository<UserAccount, Long> {

  Optional<UserAccount> findByUsername(String username);

  // Contacts are read as projections: one statement each, without the roles collection.

  @NoAutoFlush
  @Query(
      "select new org.qunbei.accounts.Contact(a.username, a.displayName, a.email)"
          + " from UserAccount a join a.roles r where r = :role and a.enabled = true")
  List<Contact> contactsWithRole(Role role);

  @NoAutoFlush
  @Query(
      "select new org.qunbei.accounts.Contact(a.username, a.displayName, a.email)"
          + " from UserAccount a where a.username = :username and a.enabled = true")
  Optional<Contact> contactOf(String username);

  @NoAutoFlush
  @Query(
      "select new org.qunbei.accounts.Contact(a.username, a.displayName, a.email)"
          + " from UserAccount a, Department d"
          + " where d.code = :department and a.username = d.headUsername and a.enabled = true")
  Optional<Contact> headOf(String department);

  @NoAutoFlush
  @Query(
      "select new org.qunbei.accounts.Contact(a.username, a.displayName, a.email)"
          + " from UserAccount a, Department d"
          + " where d.code = :department and a.username = d.leaderUsername and a.enabled = true")
  Optional<Contact> leaderOf(String department);

  /** The enabled accounts that hold no administrative role, by department and name. */
  @Query(
      "select a from UserAccount a where a.enabled = true and not exists"
          + " (select b.id from UserAccount b join b.roles r where b.id = a.id and r in :excluded)"
          + " order by a.departmentCode, a.displayName")
  List<UserAccount> enabledWithout(java.util.Collection<Role> excluded);

  UserAccount save(UserAccount account);

  List<UserAccount> findAllByOrderByUsername();

  List<UserAccount> findByEmailEndingWith(String domain);

  Optional<UserAccount> findByStaffNumber(String staffNumber);

  /** The accounts HR keeps: the ones with a staff number. */
  List<UserAccount> findByStaffNumberIsNotNull();

  long count();
}

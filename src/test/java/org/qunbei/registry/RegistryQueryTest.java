package org.qunbei.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qunbei.filing.FilingStatus;
import org.qunbei.filing.GroupType;
import org.qunbei.shared.InvalidInputException;
import org.qunbei.shared.Violation;
import org.springframework.data.domain.Sort;

class RegistryQueryTest {

  static java.util.List<String> refused(Map<String, String> params) {
    var e = catchThrowableOfType(InvalidInputException.class, () -> RegistryQuery.parse(params));
    assertThat(e).as("expected %s to be refused", params).isNotNull();
    return e.violations().list().stream().map(Violation::field).toList();
  }

  @Test
  void defaultsToTheNewestFirstTwentyAPage() {
    var q = RegistryQuery.parse(Map.of());
    assertThat(q.pageable().getPageSize()).isEqualTo(20);
    assertThat(q.pageable().getSort().getOrderFor("updatedAt").getDirection())
        .isEqualTo(Sort.Direction.DESC);
  }

  @Test
  void takesFiltersAndAKnownSort() {
    var q =
        RegistryQuery.parse(
            Map.of(
                "q",
                " 毕业 ",
                "type",
                "QQ",
                "status",
                "FILED",
                "department",
                "CS",
                "sort",
                "groupName,asc",
                "page",
                "2",
                "size",
                "50"));
    assertThat(q.text()).isEqualTo("毕业");
    assertThat(q.type()).isEqualTo(GroupType.QQ);
    assertThat(q.status()).isEqualTo(FilingStatus.FILED);
    assertThat(q.pageable().getPageNumber()).isEqualTo(2);
    assertThat(q.pageable().getSort().getOrderFor("form.groupName").getDirection())
        .isEqualTo(Sort.Direction.ASC);
  }

  @Test
  void refusesAnythingOutsideItsFixedSets() {
    assertThat(refused(Map.of("sort", "passwordHash"))).containsExactly("sort");
    assertThat(refused(Map.of("sort", "groupName,up"))).containsExactly("sort");
    assertThat(refused(Map.of("type", "LINE", "status", "DONE"))).containsExactly("type", "status");
    assertThat(refused(Map.of("size", "0"))).containsExactly("size");
    assertThat(refused(Map.of("size", "101"))).containsExactly("size");
    assertThat(refused(Map.of("page", "x"))).containsExactly("page");
    assertThat(refused(Map.of("where", "1=1"))).containsExactly("where");
  }

  @Test
  void pagingLinksKeepTheFilters() {
    var q = RegistryQuery.parse(Map.of("q", "群 A&B", "type", "QQ"));
    assertThat(q.queryString(3)).isEqualTo("?page=3&size=20&q=%E7%BE%A4+A%26B&type=QQ");
  }
}

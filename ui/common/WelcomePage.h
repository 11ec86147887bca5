#pragma once

#include <QtWidgets/QWidget>

namespace SurrealQt {

// The first tab: what SurrealQt Studio is and where to start.
class WelcomePage : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomePage(QWidget *parent = nullptr);
};

} // namespace SurrealQt
